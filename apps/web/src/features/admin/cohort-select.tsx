import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { type Cohort, useCohorts } from './admin-api';

/** The cohort a screen works on, kept in the address (?cohort=…): a reload or a shared link keeps it. */
export function useSelectedCohort(): { cohortId: string; cohort: Cohort | undefined; select: (id: string) => void } {
  const [params, setParams] = useSearchParams();
  const cohorts = useCohorts();
  const cohortId = params.get('cohort') ?? '';
  const select = (id: string) => setParams(id ? { cohort: id } : {}, { replace: true });
  return { cohortId, cohort: cohorts.data?.find((cohort) => cohort.id === cohortId), select };
}

export function CohortSelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('admin');
  const cohorts = useCohorts();
  return (
    <>
      <Field label={t('cohort.label')} hint={cohorts.data?.length === 0 ? t('cohort.none') : undefined}>
        {({ id, describedBy }) => (
          <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy} disabled={!cohorts.data}>
            <option value="">{cohorts.isPending ? t('loading') : t('cohort.choose')}</option>
            {cohorts.data?.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError error={cohorts.error} />
    </>
  );
}
