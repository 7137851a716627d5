import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../auth/use-me';
import { formatDate } from '../../ui/format';
import { MatrixError, retryUnlessRefused } from './matrix-error';
import { briefAssignmentsKey, fetchBriefAssignments, fetchLearnerMatrix, learnerMatrixKey } from './queries';

/**
 * One learner's competencies as a list (readable on a phone): the level reached, the level the
 * briefs assigned so far expect (the API gives it), and the review that proves it. `linkBriefs`
 * links the evidence to the learner's own brief page (the cohort's assignments give its address).
 */
export function LearnerMatrixView({ cohortId, learnerId, me, headingLevel, linkBriefs }: { cohortId: string; learnerId: string; me: Me; headingLevel: 2 | 3; linkBriefs: boolean }) {
  const { t } = useTranslation('courses');
  const matrix = useQuery({ queryKey: learnerMatrixKey(cohortId, learnerId), queryFn: () => fetchLearnerMatrix(cohortId, learnerId), retry: retryUnlessRefused });
  const briefs = useQuery({ queryKey: briefAssignmentsKey(cohortId), queryFn: () => fetchBriefAssignments(cohortId), retry: retryUnlessRefused, enabled: linkBriefs });
  if (matrix.isPending) return <p role="status">{t('loading')}</p>;
  if (matrix.error) return <MatrixError error={matrix.error} />;
  const assignmentOf = new Map((briefs.data ?? []).map((assignment) => [assignment.brief.id, assignment.id]));
  const Heading = `h${headingLevel}` as const;
  const level = (value: number) => `${value} (${t(`level.${value}`)})`;
  return (
    <ul className="competencies-list">
      {matrix.data.competencies.map((cell) => {
        const wanted = cell.expectedLevel;
        const assignmentId = cell.evidence && assignmentOf.get(cell.evidence.briefId);
        return (
          <li key={cell.code}>
            <Heading>
              {cell.code} · {cell.title}
            </Heading>
            <p className={cell.level > 0 ? undefined : 'competencies-reached--none'}>{t('competencies.reached', { level: level(cell.level) })}</p>
            <p>{wanted ? t('competencies.expected', { level: level(wanted) }) : t('competencies.noExpected')}</p>
            {cell.evidence ? (
              <p className="courses-meta">
                {linkBriefs && assignmentId ? (
                  <Link to={`/briefs/assignments/${assignmentId}`}>{t('competencies.evidence', { brief: cell.evidence.briefTitle, date: formatDate(cell.evidence.reviewedAt, me.timeZone) })}</Link>
                ) : (
                  t('competencies.evidence', { brief: cell.evidence.briefTitle, date: formatDate(cell.evidence.reviewedAt, me.timeZone) })
                )}
              </p>
            ) : (
              <p className="courses-meta">{t('competencies.noEvidence')}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
