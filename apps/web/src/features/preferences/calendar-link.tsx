import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';

/** The secret iCalendar address: shown once when created (the API keeps only its hash), renewable, revocable. */
export function CalendarLink() {
  const { t } = useTranslation('preferences');
  const create = useMutation({ mutationFn: () => api<{ url: string }>('/api/me/calendar-feed', { method: 'POST' }) });
  const revoke = useMutation({ mutationFn: () => api<void>('/api/me/calendar-feed', { method: 'DELETE' }), onSuccess: () => create.reset() });
  return (
    <section className="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('calendarTitle')}</h2>
      <p>{t('calendarIntro')}</p>
      {create.data && (
        <Field label={t('calendarUrl')} hint={t('calendarShownOnce')}>
          {({ id, describedBy }) => <input id={id} readOnly value={create.data.url} aria-describedby={describedBy} onFocus={(event) => event.target.select()} />}
        </Field>
      )}
      {revoke.isSuccess && !create.data && <p role="status">{t('calendarRevoked')}</p>}
      <FormError error={create.error ?? revoke.error} />
      <button type="button" className="button" onClick={() => create.mutate()} disabled={create.isPending}>
        {create.data ? t('calendarRenew') : t('calendarCreate')}
      </button>{' '}
      <button type="button" className="button button--quiet" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
        {t('calendarRevoke')}
      </button>
    </section>
  );
}
