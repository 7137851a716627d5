import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/** The words for an error of the API: a known code in the user's language, else the server's message. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === 'offline') return t('errors.offline');
      if (error.code === 'invalid_credentials') return t('errors.invalid_credentials');
      if (error.code === 'rate_limited') return t('errors.rate_limited');
      return error.message;
    }
    return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
  };
}

/** An error for the whole form (not one field), announced to screen readers. */
export function FormError({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {text(error)}
    </p>
  );
}
