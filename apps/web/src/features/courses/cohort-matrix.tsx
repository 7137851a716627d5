import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CsvDownload } from './csv-download';
import { MatrixError, retryUnlessRefused } from './matrix-error';
import { cohortMatrixKey, fetchCohortMatrix } from './queries';
import type { CohortMatrix } from './types';

/** The facilitator's grid: learners × competencies, each learner linked to their detail, and the CSV. */
export function CohortMatrixView({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('courses');
  const matrix = useQuery({ queryKey: cohortMatrixKey(cohortId), queryFn: () => fetchCohortMatrix(cohortId), retry: retryUnlessRefused });
  if (matrix.isPending) return <p role="status">{t('loading')}</p>;
  if (matrix.error) return <MatrixError error={matrix.error} />;
  return (
    <>
      <CsvDownload cohortId={cohortId} />
      {matrix.data.learners.length === 0 ? <p>{t('competencies.noLearner')}</p> : <MatrixTable cohortId={cohortId} matrix={matrix.data} />}
      <Legend matrix={matrix.data} />
    </>
  );
}

function titlesOf(matrix: CohortMatrix): Map<string, string> {
  return new Map(matrix.learners[0]?.competencies.map((cell) => [cell.code, cell.title]) ?? []);
}

function MatrixTable({ cohortId, matrix }: { cohortId: string; matrix: CohortMatrix }) {
  const { t } = useTranslation('courses');
  const titles = titlesOf(matrix);
  const captionId = `matrix-caption-${cohortId}`;
  return (
    // Focusable so that the keyboard scrolls a grid wider than a phone's screen.
    <div className="competencies-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="competencies-table">
        <caption id={captionId}>{t('competencies.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('competencies.learner')}</th>
            {matrix.competencyCodes.map((code) => (
              <th scope="col" key={code}>
                {code}
                {titles.get(code) && <span className="visually-hidden"> · {titles.get(code)}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.learners.map((learner) => (
            <tr key={learner.learnerId}>
              <th scope="row">
                <Link to={`/competencies/cohorts/${cohortId}/learners/${learner.learnerId}`}>{learner.displayName}</Link>
              </th>
              {learner.competencies.map((cell) => (
                <td key={cell.code}>
                  {cell.level > 0 ? (
                    <>
                      {cell.level}
                      <span className="visually-hidden"> ({t(`level.${cell.level}`)})</span>
                    </>
                  ) : (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">{t('competencies.notValidated')}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What each code stands for, since the grid's headers show the codes only. */
function Legend({ matrix }: { matrix: CohortMatrix }) {
  const { t } = useTranslation('courses');
  const titles = titlesOf(matrix);
  if (titles.size === 0) return null;
  return (
    <div className="competencies-legend">
      <p>{t('competencies.legend')}</p>
      <dl>
        {[...titles].map(([code, title]) => (
          <div key={code}>
            <dt>{code}</dt>
            <dd>{title}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
