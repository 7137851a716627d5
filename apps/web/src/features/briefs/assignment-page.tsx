import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { learnerCohorts, type Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { BriefDetails } from './brief-details';
import { assignmentKey, fetchWork, workKey } from './queries';
import { SubmittedWork } from './submitted-work';
import { ReviewView } from './review-view';
import { LateBadge, StatusBadge } from './status-badge';
import { SubmissionForm } from './submission-form';
import type { Assignment, Submission } from './types';
import { useNow } from './use-now';

/**
 * One assignment for its learner (e-mails link here): the brief, where the work stands with the
 * latest review first, the form to (re)submit while the work is open, and every version sent.
 */
export function AssignmentPage({ me }: { me: Me }) {
  const { t } = useTranslation('briefs');
  const { assignmentId = '' } = useParams();
  const assignment = useQuery({ queryKey: assignmentKey(assignmentId), queryFn: () => api<Assignment>(`/api/assignments/${assignmentId}`) });
  // Only a learner of the cohort has work of their own here; a facilitator following a link reads the brief.
  const isLearner = Boolean(assignment.data && learnerCohorts(me).some((cohort) => cohort.id === assignment.data.cohortId));
  const work = useQuery({ queryKey: workKey(assignmentId), queryFn: () => fetchWork(assignmentId), enabled: isLearner });
  const now = useNow();

  const back = (
    <Link className="briefs-back" to="/briefs">
      {t('back')}
    </Link>
  );
  if (!assignment.data)
    return (
      <section aria-labelledby="assignment-title">
        {back}
        <h1 id="assignment-title">{t('assignmentTitle')}</h1>
        {assignment.isPending && <p role="status">{t('loading')}</p>}
        <FormError error={assignment.error} />
      </section>
    );

  const { brief } = assignment.data;
  const zone = me.timeZone;
  const versions = work.data?.versions ?? [];
  const latest = versions[0];
  const overdue = new Date(assignment.data.dueAt).getTime() < now;
  const group = assignment.data.groups[0];

  const briefSection = (
    <section key="brief" aria-labelledby="brief-title">
      <h2 id="brief-title">{t('brief.title')}</h2>
      <BriefDetails brief={brief} />
    </section>
  );
  const workSection = isLearner && (
    <section key="work" aria-labelledby="work-title">
      <h2 id="work-title">{t('work.title')}</h2>
      <FormError error={work.error} />
      {work.data && (
        <p>
          {t('work.status')} <StatusBadge status={work.data.status} />
          {overdue && (work.data.status === 'not_submitted' || work.data.status === 'to_redo') && <LateBadge />}
        </p>
      )}
      {latest?.review && (
        <div className="card briefs-card">
          <h3>{t('work.latestReview', { version: latest.version })}</h3>
          <ReviewView review={latest.review} competencies={brief.competencies} zone={zone} headingLevel={4} />
        </div>
      )}
      {work.data?.status === 'validated' && <p>{t('work.closed')}</p>}
      {work.data?.open && <SubmissionForm assignmentId={assignmentId} latest={latest} overdue={overdue} zone={zone} />}
      {versions.length > 0 && <Versions versions={versions} assignment={assignment.data} zone={zone} />}
    </section>
  );

  return (
    <section aria-labelledby="assignment-title">
      {back}
      <h1 id="assignment-title">{brief.title}</h1>
      <p className="briefs-meta">
        {t('dueAt', { date: formatDate(assignment.data.dueAt, zone, 'dayTime') })} · {brief.mode === 'group' ? (group ? t('mode.groupNamed', { name: group.name }) : t('mode.group')) : t('mode.individual')}
      </p>
      {group && <p className="briefs-meta">{t('mode.members', { names: group.members.map((member) => member.displayName).join(', ') })}</p>}
      {!isLearner && (
        <p>
          {t('work.notLearner')} <Link to="/reviews">{t('reviewsTitle')}</Link>
        </p>
      )}
      {/* Once something is sent, where it stands matters most; before that, the brief comes first. */}
      {versions.length > 0 ? [workSection, briefSection] : [briefSection, workSection]}
    </section>
  );
}

/** Every version sent, newest first, each with its links and, if reviewed, its verdict. */
function Versions({ versions, assignment, zone }: { versions: Submission[]; assignment: Assignment; zone: string }) {
  const { t } = useTranslation('briefs');
  return (
    <>
      <h3>{t('versions.title')}</h3>
      <ol className="briefs-list">
        {versions.map((version) => (
          <li key={version.id} className="card briefs-card">
            <h4>{t('versions.version', { version: version.version })}</h4>
            <p className="briefs-meta">
              {t('versions.sent', { date: formatDate(version.submittedAt, zone, 'dayTime'), name: version.submittedByName })}
              {version.late && <LateBadge />}
            </p>
            <SubmittedWork version={version} />
            {version.review ? (
              <details>
                <summary>{t('versions.review', { verdict: t(`verdict.${version.review.verdict}`) })}</summary>
                <ReviewView review={version.review} competencies={assignment.brief.competencies} zone={zone} headingLevel={4} />
              </details>
            ) : (
              <p>{t('versions.waiting')}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
