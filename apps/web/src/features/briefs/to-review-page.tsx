import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { facilitatedCohorts, type Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { CohortPicker } from '../../ui/cohort-picker';
import { formatDate } from '../../ui/format';
import { assignmentsKey, toReviewKey } from './queries';
import { LateBadge } from './status-badge';
import type { Assignment, Submission, SubmissionPage } from './types';

const PAGE_SIZE = 20;

/** A facilitator's queue of work to review, per cohort: the latest unreviewed versions, oldest first. */
export function ToReviewPage({ me }: { me: Me }) {
  const { t } = useTranslation('briefs');
  const cohorts = facilitatedCohorts(me);
  const [cohortId, setCohortId] = useState(cohorts[0]?.id ?? null);
  const queue = useInfiniteQuery({
    queryKey: toReviewKey(cohortId),
    queryFn: ({ pageParam }) => api<SubmissionPage>(`/api/cohorts/${cohortId}/submissions/to-review?limit=${PAGE_SIZE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: cohortId !== null,
  });
  // The queue names assignments only: the cohort's list gives their briefs' titles.
  const assignments = useQuery({ queryKey: assignmentsKey(cohortId), queryFn: () => api<Assignment[]>(`/api/cohorts/${cohortId}/assignments`), enabled: cohortId !== null });
  const titles = new Map(assignments.data?.map((assignment) => [assignment.id, assignment.brief.title]));
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="reviews-title">
      <h1 id="reviews-title">{t('reviewsTitle')}</h1>
      {cohorts.length === 0 && <p>{t('queue.noCohort')}</p>}
      <CohortPicker cohorts={cohorts} value={cohortId} onChange={setCohortId} />
      {queue.isLoading && <p role="status">{t('loading')}</p>}
      <FormError error={queue.error ?? assignments.error} />
      {queue.data && items.length === 0 && <p>{t('queue.empty')}</p>}
      <ul className="briefs-list">
        {items.map((submission) => (
          <QueueItem key={submission.id} submission={submission} title={titles.get(submission.assignmentId)} zone={me.timeZone} />
        ))}
      </ul>
      {queue.hasNextPage && (
        <button type="button" className="button button--quiet" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
          {queue.isFetchingNextPage ? t('loading') : t('queue.more')}
        </button>
      )}
    </section>
  );
}

function QueueItem({ submission, title, zone }: { submission: Submission; title?: string; zone: string }) {
  const { t } = useTranslation('briefs');
  const who = submission.groupName ?? submission.submittedByName;
  return (
    <li className="card briefs-card">
      <h2>
        <Link to={`submissions/${submission.id}`}>{title ? t('queue.item', { who, title }) : who}</Link>
      </h2>
      <p className="briefs-meta">
        {t('versions.version', { version: submission.version })} · {t('queue.sentAt', { date: formatDate(submission.submittedAt, zone, 'dayTime') })}
        {submission.late && <LateBadge />}
      </p>
    </li>
  );
}
