import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { learnerCohorts, type Me, type MyCohort } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { LateBadge, StatusBadge } from './status-badge';
import { assignmentsKey } from './queries';
import type { Assignment } from './types';
import { useNow } from './use-now';

/** A learner's briefs, per cohort, soonest due first, each with where their work stands. */
export function MyAssignmentsPage({ me }: { me: Me }) {
  const { t } = useTranslation('briefs');
  const cohorts = learnerCohorts(me);
  return (
    <section aria-labelledby="briefs-title">
      <h1 id="briefs-title">{t('title')}</h1>
      {cohorts.length === 0 && <p>{t('noCohort')}</p>}
      {cohorts.map((cohort) => (
        <CohortAssignments key={cohort.id} cohort={cohort} me={me} />
      ))}
    </section>
  );
}

function CohortAssignments({ cohort, me }: { cohort: MyCohort; me: Me }) {
  const { t } = useTranslation('briefs');
  const assignments = useQuery({ queryKey: assignmentsKey(cohort.id), queryFn: () => api<Assignment[]>(`/api/cohorts/${cohort.id}/assignments`) });
  const headingId = `cohort-${cohort.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{cohort.name}</h2>
      {assignments.isPending && <p role="status">{t('loading')}</p>}
      <FormError error={assignments.error} />
      {assignments.data?.length === 0 && <p>{t('noAssignment')}</p>}
      <ul className="briefs-list">
        {assignments.data?.map((assignment) => (
          <AssignmentItem key={assignment.id} assignment={assignment} me={me} />
        ))}
      </ul>
    </section>
  );
}

function AssignmentItem({ assignment, me }: { assignment: Assignment; me: Me }) {
  const { t } = useTranslation('briefs');
  const status = assignment.myStatus;
  const now = useNow();
  const overdue = (status === 'not_submitted' || status === 'to_redo') && new Date(assignment.dueAt).getTime() < now;
  return (
    <li className="card briefs-card">
      <h3>
        <Link to={`assignments/${assignment.id}`}>{assignment.brief.title}</Link>
      </h3>
      <p className="briefs-meta">
        {t('dueAt', { date: formatDate(assignment.dueAt, me.timeZone, 'dayTime') })}
        {assignment.brief.mode === 'group' && ` · ${t('mode.group')}`}
      </p>
      {status && <StatusBadge status={status} />}
      {overdue && <LateBadge />}
    </li>
  );
}
