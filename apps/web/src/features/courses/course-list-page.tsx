import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { learnerCohorts, type Me, type MyCohort } from '../../auth/use-me';
import { CohortPicker } from '../../ui/cohort-picker';
import { FormError } from '../../ui/error-message';
import { formatDuration } from './duration';
import { ModuleDue } from './module-due';
import { ProgressBar } from './progress-bar';
import { type CourseOfCohort, coursesOf, sumOf } from './progress';
import { fetchModuleAssignments, fetchMyProgress, moduleAssignmentsKey, myProgressKey } from './queries';
import type { MyProgress } from './types';
import { useCohortChoice } from './use-cohort-choice';

/** A learner's courses for one of their cohorts: what is assigned, when, and how far they are. */
export function CourseListPage({ me }: { me: Me }) {
  const { t } = useTranslation('courses');
  const cohorts = learnerCohorts(me);
  const [cohort, choose] = useCohortChoice(cohorts);
  return (
    <section aria-labelledby="courses-title">
      <h1 id="courses-title">{t('title')}</h1>
      <CohortPicker cohorts={cohorts} value={cohort?.id ?? null} onChange={choose} />
      {cohort ? <CohortCourses key={cohort.id} cohort={cohort} me={me} /> : <p>{t('noCohort')}</p>}
    </section>
  );
}

function CohortCourses({ cohort, me }: { cohort: MyCohort; me: Me }) {
  const { t } = useTranslation('courses');
  const assignments = useQuery({ queryKey: moduleAssignmentsKey(cohort.id), queryFn: () => fetchModuleAssignments(cohort.id) });
  const progress = useQuery({ queryKey: myProgressKey(cohort.id), queryFn: () => fetchMyProgress(cohort.id) });
  if (assignments.isPending) return <p role="status">{t('loading')}</p>;
  if (assignments.error) return <FormError error={assignments.error} />;
  const courses = coursesOf(assignments.data);
  if (courses.length === 0) return <p>{t('noCourse')}</p>;
  const totals = new Map(assignments.data.map((a) => [a.moduleId, a.resources]));
  const overall = sumOf(
    assignments.data.map((a) => a.moduleId),
    progress.data,
    totals,
  );
  return (
    <>
      <FormError error={progress.error} />
      <ProgressBar name={t('overall')} done={overall.done} total={overall.total} />
      <ul className="courses-list">
        {courses.map((course) => (
          <CourseItem key={course.courseId} course={course} cohortId={cohort.id} progress={progress.data} totals={totals} me={me} />
        ))}
      </ul>
    </>
  );
}

function CourseItem({ course, cohortId, progress, totals, me }: { course: CourseOfCohort; cohortId: string; progress: MyProgress | undefined; totals: Map<string, number>; me: Me }) {
  const { t } = useTranslation('courses');
  const headingId = `course-${course.courseId}`;
  const sum = sumOf(
    course.modules.map((m) => m.moduleId),
    progress,
    totals,
  );
  const byModule = new Map((progress?.modules ?? []).map((m) => [m.moduleId, m]));
  return (
    <li className="card courses-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`${course.courseId}?cohort=${cohortId}`}>{course.courseTitle}</Link>
      </h2>
      <ProgressBar name={course.courseTitle} done={sum.done} total={sum.total} />
      <ul className="courses-modules" aria-label={t('course.modules')}>
        {course.modules.map((assignment) => {
          const moduleProgress = byModule.get(assignment.moduleId);
          const done = moduleProgress?.done ?? 0;
          const total = moduleProgress?.total ?? assignment.resources;
          return (
            <li key={assignment.id} aria-labelledby={`module-${assignment.id}`}>
              <h3 id={`module-${assignment.id}`}>{assignment.moduleTitle}</h3>
              <ModuleDue assignment={assignment} me={me} finished={total > 0 && done >= total} />
              {assignment.estimatedMinutes > 0 && <p className="courses-meta">{t('duration.total', { duration: formatDuration(t, assignment.estimatedMinutes) })}</p>}
              <ProgressBar name={assignment.moduleTitle} done={done} total={total} />
            </li>
          );
        })}
      </ul>
      <Link to={`${course.courseId}?cohort=${cohortId}`} aria-describedby={headingId}>
        {t('openCourse')}
      </Link>
    </li>
  );
}
