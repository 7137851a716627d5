import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionError } from './section-error';
import { formatDate, minutesSince } from '../../ui/format';
import { fetchUnanswered } from './queries';

const MINUTES_A_DAY = 24 * 60;

/** Peer-help questions of the cohort nobody answered for more than a day, oldest first, each a link to its thread. */
export function UnansweredThreads({ cohortId, timeZone }: { cohortId: string; timeZone: string }) {
  const { t } = useTranslation('followUp');
  const threads = useInfiniteQuery({
    queryKey: ['threads', 'unanswered', cohortId],
    queryFn: ({ pageParam }) => fetchUnanswered(cohortId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = threads.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="unanswered-title" className="card follow-up__section">
      <h2 id="unanswered-title">{t('unanswered.title')}</h2>
      <p>{t('unanswered.hint')}</p>
      <SectionError error={threads.error} />
      {threads.isPending && <p role="status">{t('loading')}</p>}
      {threads.isSuccess && items.length === 0 && <p>{t('unanswered.none')}</p>}
      <ul className="follow-up__threads">
        {items.map((thread) => (
          <li key={thread.id}>
            <Link to={`/threads/${thread.id}`}>{thread.title ?? t('unanswered.hiddenTitle')}</Link>
            <p className="follow-up__meta">
              {t('unanswered.meta', {
                cohort: thread.cohortName,
                date: formatDate(thread.createdAt, timeZone, 'dayTime'),
                age: t('unanswered.age', { count: Math.floor(minutesSince(thread.createdAt) / MINUTES_A_DAY) }),
              })}
            </p>
          </li>
        ))}
      </ul>
      {threads.hasNextPage && (
        <button type="button" className="button button--quiet" onClick={() => void threads.fetchNextPage()} disabled={threads.isFetchingNextPage}>
          {t('more')}
        </button>
      )}
    </section>
  );
}
