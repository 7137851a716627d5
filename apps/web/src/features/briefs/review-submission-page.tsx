import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { BriefDetails } from './brief-details';
import { assignmentKey, submissionKey } from './queries';
import { ReviewForm } from './review-form';
import { SubmittedWork } from './submitted-work';
import { ReviewView } from './review-view';
import { LateBadge } from './status-badge';
import type { Assignment, Submission } from './types';

/** One version to review: what was sent, the brief to judge it against, and the review form (or the review once given). */
export function ReviewSubmissionPage({ me }: { me: Me }) {
  const { t } = useTranslation('briefs');
  const { submissionId = '' } = useParams();
  const submission = useQuery({ queryKey: submissionKey(submissionId), queryFn: () => api<Submission>(`/api/submissions/${submissionId}`) });
  const assignmentId = submission.data?.assignmentId ?? '';
  const assignment = useQuery({ queryKey: assignmentKey(assignmentId), queryFn: () => api<Assignment>(`/api/assignments/${assignmentId}`), enabled: Boolean(assignmentId) });
  // Which version was just reviewed here: the same screen may show another one next.
  const [savedId, setSavedId] = useState<string | null>(null);
  const saved = savedId === submissionId;

  const back = (
    <Link className="briefs-back" to="/reviews">
      {t('reviewsBack')}
    </Link>
  );
  if (!submission.data || !assignment.data)
    return (
      <section aria-labelledby="review-title">
        {back}
        <h1 id="review-title">{t('reviewTitle')}</h1>
        {(submission.isPending || assignment.isLoading) && <p role="status">{t('loading')}</p>}
        <FormError error={submission.error ?? assignment.error} />
      </section>
    );

  const version = submission.data;
  const { brief } = assignment.data;
  const zone = me.timeZone;
  return (
    <section aria-labelledby="review-title">
      {back}
      <h1 id="review-title">{t('queue.item', { who: version.groupName ?? version.submittedByName, title: brief.title })}</h1>
      <p className="briefs-meta">
        {t('versions.version', { version: version.version })} · {t('versions.sent', { date: formatDate(version.submittedAt, zone, 'dayTime'), name: version.submittedByName })}
        {version.late && <LateBadge />}
      </p>

      <section aria-labelledby="sent-title" className="card briefs-card">
        <h2 id="sent-title">{t('review.sent')}</h2>
        <SubmittedWork version={version} />
      </section>

      <details className="card briefs-card">
        <summary>{t('review.showBrief')}</summary>
        <BriefDetails brief={brief} />
      </details>

      <p role="status">
        {saved && (
          <>
            {t('review.saved')} <Link to="/reviews">{t('reviewsBack')}</Link>
          </>
        )}
      </p>
      {version.review ? (
        <div className="card briefs-card">
          <h2>{t('review.done')}</h2>
          <ReviewView review={version.review} competencies={brief.competencies} zone={zone} />
        </div>
      ) : (
        <ReviewForm submission={version} assignment={assignment.data} onSaved={() => setSavedId(submissionId)} />
      )}
    </section>
  );
}
