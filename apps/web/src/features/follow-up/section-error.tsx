import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { FormError } from '../../ui/error-message';

/** A section's load error; a cohort the API does not let this user follow is said in plain words. */
export function SectionError({ error }: { error: unknown }) {
  const { t } = useTranslation('followUp');
  if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'forbidden')) {
    return (
      <p className="form-error" role="alert">
        {t('refused')}
      </p>
    );
  }
  return <FormError error={error} />;
}
