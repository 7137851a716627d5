import { useTranslation } from 'react-i18next';
import { Field } from './field';

/** Which of the user's cohorts a screen is about; shown only when there is a choice to make. */
export function CohortPicker({ cohorts, value, onChange }: { cohorts: readonly { id: string; name: string }[]; value: string | null; onChange: (cohortId: string) => void }) {
  const { t } = useTranslation();
  if (cohorts.length < 2) return null;
  return (
    <Field label={t('app.cohort')}>
      {({ id }) => (
        <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
          {cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
