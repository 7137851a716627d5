import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { FormError, useErrorText } from '../../ui/error-message';

/** A refusal (403, or 404 for a cohort one is not in) said as such, with the API's reason; other errors as they come. */
export function MatrixError({ error }: { error: unknown }) {
  const { t } = useTranslation('courses');
  const errorText = useErrorText();
  if (isRefusal(error)) {
    return (
      <p className="form-error" role="alert">
        {t('competencies.forbidden', { message: errorText(error) })}
      </p>
    );
  }
  return <FormError error={error} />;
}

export const isRefusal = (error: unknown) => error instanceof ApiError && (error.status === 403 || error.status === 404);

/** Asking again will not change a refusal: only errors of the network or the server are retried. */
export const retryUnlessRefused = (failures: number, error: Error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);
