import './messages'; // this feature's texts, loaded with it
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { facilitatedCohorts, type Me } from '../../auth/use-me';
import { CohortPicker } from '../../ui/cohort-picker';
import './follow-up.css';
import { HelpMeasures } from './help-measures';
import { LearnersBehind } from './learners-behind';
import { UnansweredThreads } from './unanswered-threads';

/**
 * A facilitator's follow-up of one of their cohorts: learners behind, peer-help questions left
 * unanswered, live help in figures. `?cohort=` names the cohort (a link can point at it); the API
 * refuses a cohort they do not facilitate, and each section says so.
 */
export function FollowUpPage({ me }: { me: Me }) {
  const { t } = useTranslation('followUp');
  const cohorts = facilitatedCohorts(me);
  const [params, setParams] = useSearchParams();
  const cohortId = params.get('cohort') ?? cohorts[0]?.id ?? null;
  return (
    <section aria-labelledby="follow-up-title" className="follow-up">
      <h1 id="follow-up-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {cohorts.length === 0 && !cohortId ? (
        <p>{t('noCohort')}</p>
      ) : (
        <>
          <CohortPicker cohorts={cohorts} value={cohortId} onChange={(next) => setParams({ cohort: next })} />
          {cohortId && (
            // Keyed by cohort: paging and the chosen period start afresh for another cohort.
            <div key={cohortId} className="follow-up__sections">
              <LearnersBehind cohortId={cohortId} timeZone={me.timeZone} />
              <UnansweredThreads cohortId={cohortId} timeZone={me.timeZone} />
              <HelpMeasures cohortId={cohortId} timeZone={me.timeZone} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
