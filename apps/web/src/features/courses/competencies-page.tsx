import './messages'; // this feature's texts, loaded with it
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useParams } from 'react-router';
import { facilitatedCohorts, learnerCohorts, type Me } from '../../auth/use-me';
import { CohortPicker } from '../../ui/cohort-picker';
import { CohortMatrixView } from './cohort-matrix';
import { LearnerMatrixView } from './learner-matrix';
import { retryUnlessRefused } from './matrix-error';
import { fetchLearnerMatrix, learnerMatrixKey } from './queries';
import { useCohortChoice } from './use-cohort-choice';
import './courses.css';

/**
 * Competencies (/competencies): a learner's own matrix, and for a facilitator their cohort's grid
 * (both for someone who is both). A cohort's grid and a learner's detail have their own addresses.
 */
export function CompetenciesPage({ me }: { me: Me }) {
  return (
    <Routes>
      <Route index element={<CompetenciesHome me={me} />} />
      <Route path="cohorts/:cohortId" element={<CohortMatrixPage me={me} />} />
      <Route path="cohorts/:cohortId/learners/:learnerId" element={<LearnerMatrixPage me={me} />} />
      <Route path="*" element={<Navigate to="/competencies" replace />} />
    </Routes>
  );
}

function CompetenciesHome({ me }: { me: Me }) {
  const { t } = useTranslation('courses');
  const learning = learnerCohorts(me);
  const facilitating = facilitatedCohorts(me);
  return (
    <section aria-labelledby="competencies-title">
      <h1 id="competencies-title">{t('competencies.title')}</h1>
      {learning.length === 0 && facilitating.length === 0 && <p>{t('competencies.nothing')}</p>}
      {learning.length > 0 && <MyMatrix me={me} />}
      {facilitating.length > 0 && <FacilitatedMatrix me={me} />}
    </section>
  );
}

function MyMatrix({ me }: { me: Me }) {
  const { t } = useTranslation('courses');
  const cohorts = learnerCohorts(me);
  const [cohort, choose] = useCohortChoice(cohorts, 'learning');
  return (
    <section aria-labelledby="my-matrix-title">
      <h2 id="my-matrix-title">{t('competencies.mine')}</h2>
      {/* With one cohort there is no picker: still say which cohort, for someone who also facilitates another. */}
      {cohort && cohorts.length === 1 && <p className="courses-meta">{t('competencies.cohortOf', { name: cohort.name })}</p>}
      <CohortPicker cohorts={cohorts} value={cohort?.id ?? null} onChange={choose} />
      {cohort && <LearnerMatrixView key={cohort.id} cohortId={cohort.id} learnerId={me.id} me={me} headingLevel={3} linkBriefs />}
    </section>
  );
}

function FacilitatedMatrix({ me }: { me: Me }) {
  const { t } = useTranslation('courses');
  const cohorts = facilitatedCohorts(me);
  const [cohort, choose] = useCohortChoice(cohorts, 'facilitating');
  return (
    <section aria-labelledby="cohort-matrix-title">
      <h2 id="cohort-matrix-title">{cohort && cohorts.length === 1 ? t('competencies.cohortNamed', { name: cohort.name }) : t('competencies.cohort')}</h2>
      <CohortPicker cohorts={cohorts} value={cohort?.id ?? null} onChange={choose} />
      {cohort && <CohortMatrixView key={cohort.id} cohortId={cohort.id} />}
    </section>
  );
}

/** A cohort's grid at its own address; the API decides who may see it, and its refusal is shown. */
function CohortMatrixPage({ me }: { me: Me }) {
  const { t } = useTranslation('courses');
  const { cohortId = '' } = useParams();
  const name = me.cohorts.find((cohort) => cohort.id === cohortId)?.name;
  return (
    <section aria-labelledby="competencies-title">
      <Link className="courses-back" to="/competencies">
        {t('competencies.back')}
      </Link>
      <h1 id="competencies-title">{name ? t('competencies.cohortNamed', { name }) : t('competencies.cohort')}</h1>
      <CohortMatrixView cohortId={cohortId} />
    </section>
  );
}

function LearnerMatrixPage({ me }: { me: Me }) {
  const { t } = useTranslation('courses');
  const { cohortId = '', learnerId = '' } = useParams();
  const matrix = useQuery({ queryKey: learnerMatrixKey(cohortId, learnerId), queryFn: () => fetchLearnerMatrix(cohortId, learnerId), retry: retryUnlessRefused });
  const facilitating = facilitatedCohorts(me).some((cohort) => cohort.id === cohortId);
  return (
    <section aria-labelledby="competencies-title">
      <Link className="courses-back" to={facilitating ? `/competencies/cohorts/${cohortId}` : '/competencies'}>
        {t('competencies.back')}
      </Link>
      <h1 id="competencies-title">{matrix.data ? t('competencies.learnerTitle', { name: matrix.data.displayName }) : t('competencies.title')}</h1>
      <LearnerMatrixView cohortId={cohortId} learnerId={learnerId} me={me} headingLevel={2} linkBriefs={learnerId === me.id} />
    </section>
  );
}
