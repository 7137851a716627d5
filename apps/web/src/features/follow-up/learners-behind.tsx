import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SectionError } from './section-error';
import { TableBox } from './table-box';
import { formatDate } from '../../ui/format';
import { fetchBehind, fetchCohortProgress, fetchModuleAssignments } from './queries';

/** Who did less than what is due (resources of the modules due), furthest behind first, on what and since when; then the modules due. */
export function LearnersBehind({ cohortId, timeZone }: { cohortId: string; timeZone: string }) {
  const { t } = useTranslation('followUp');
  const behind = useInfiniteQuery({
    queryKey: ['cohorts', cohortId, 'learners-behind'],
    queryFn: ({ pageParam }) => fetchBehind(cohortId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const modules = useQuery({ queryKey: ['cohorts', cohortId, 'module-assignments'], queryFn: () => fetchModuleAssignments(cohortId) });
  const progress = useQuery({ queryKey: ['cohorts', cohortId, 'course-progress'], queryFn: () => fetchCohortProgress(cohortId) });

  const asOf = behind.data?.pages[0]?.asOf;
  const learners = behind.data?.pages.flatMap((page) => page.items) ?? [];
  const percentOf = new Map(progress.data?.modules.map((module) => [module.moduleId, module.percent]));
  const due = asOf ? (modules.data ?? []).filter((module) => module.dueOn <= asOf && module.resources > 0) : [];

  return (
    <section aria-labelledby="behind-title" className="card follow-up__section">
      <h2 id="behind-title">{t('behind.title')}</h2>
      <SectionError error={behind.error ?? modules.error ?? progress.error} />
      {behind.isPending && <p role="status">{t('loading')}</p>}
      {asOf && <p>{t('behind.asOf', { date: formatDate(asOf, timeZone) })}</p>}
      {behind.isSuccess && learners.length === 0 && <p>{t('behind.none')}</p>}
      {learners.length > 0 && asOf && (
        <TableBox label={t('behind.caption', { date: formatDate(asOf, timeZone) })}>
          <table>
            <caption>{t('behind.caption', { date: formatDate(asOf, timeZone) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('behind.who')}</th>
                <th scope="col">{t('behind.since')}</th>
                <th scope="col">{t('behind.late')}</th>
                <th scope="col">{t('behind.onWhat')}</th>
                <th scope="col">{t('behind.done')}</th>
              </tr>
            </thead>
            <tbody>
              {learners.map((learner) => (
                <tr key={learner.userId}>
                  <th scope="row">{learner.displayName}</th>
                  <td>{formatDate(learner.behindSince, timeZone)}</td>
                  <td>{t('behind.lateValue', { count: learner.missing, due: learner.due })}</td>
                  <td>
                    <ul className="follow-up__modules-left">
                      {learner.modules.map((module) => (
                        <li key={module.moduleId}>
                          {t('behind.moduleLeft', { count: module.missing, module: module.moduleTitle, course: module.courseTitle, date: formatDate(module.dueOn, timeZone) })}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{t('behind.doneValue', { percent: Math.floor((learner.doneOfDue * 100) / Math.max(1, learner.due)) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      {behind.hasNextPage && (
        <button type="button" className="button button--quiet" onClick={() => void behind.fetchNextPage()} disabled={behind.isFetchingNextPage}>
          {t('more')}
        </button>
      )}
      {learners.length > 0 && due.length > 0 && (
        <>
          <h3>{t('behind.modules')}</h3>
          <ul>
            {due.map((module) => (
              <li key={module.id}>
                {t('behind.moduleLine', { module: module.moduleTitle, course: module.courseTitle, date: formatDate(module.dueOn, timeZone), percent: percentOf.get(module.moduleId) ?? 0 })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
