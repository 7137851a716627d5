import './messages'; // this feature's texts, loaded with it
import { NOTIFICATION_KINDS } from '@fabrique/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { type Language, rememberLanguage } from '../../i18n';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { CalendarLink } from './calendar-link';

interface Preferences {
  kinds: Record<string, { email: boolean; inApp: true; digestable: boolean }>;
  quietHours: { start: string; end: string };
  digest: boolean;
  timeZone: string;
  language: Language;
}

type Form = { email: Record<string, boolean>; quietStart: string; quietEnd: string; digest: boolean; timeZone: string; language: Language };

const toForm = (preferences: Preferences): Form => ({
  email: Object.fromEntries(Object.entries(preferences.kinds).map(([kind, setting]) => [kind, setting.email])),
  quietStart: preferences.quietHours.start,
  quietEnd: preferences.quietHours.end,
  digest: preferences.digest,
  timeZone: preferences.timeZone,
  language: preferences.language,
});

/** Notification channels per kind, quiet hours, the daily digest, language and time zone (`/me/notification-preferences`, linked from e-mails), and the calendar link. */
export function PreferencesPage() {
  const { t } = useTranslation('preferences');
  const preferences = useQuery({ queryKey: ['me', 'preferences'], queryFn: () => api<Preferences>('/api/me/notification-preferences') });
  return (
    <section aria-labelledby="preferences-title">
      <h1 id="preferences-title">{t('title')}</h1>
      <FormError error={preferences.error} />
      {preferences.data && <PreferencesForm initial={toForm(preferences.data)} digestable={(kind) => preferences.data.kinds[kind]?.digestable ?? false} />}
      <CalendarLink />
    </section>
  );
}

function PreferencesForm({ initial, digestable }: { initial: Form; digestable: (kind: string) => boolean }) {
  const { t } = useTranslation('preferences');
  const queryClient = useQueryClient();
  const [form, setForm] = useState(initial);
  const save = useMutation({
    mutationFn: (value: Form) =>
      api<Preferences>('/api/me/notification-preferences', {
        method: 'PUT',
        body: { email: value.email, quietHours: { start: value.quietStart, end: value.quietEnd }, digest: value.digest, timeZone: value.timeZone.trim(), language: value.language },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['me', 'preferences'], saved);
      rememberLanguage(saved.language);
      return queryClient.invalidateQueries({ queryKey: ['me'], exact: true }); // the time zone of every date shown
    },
  });
  const error = (field: string) => (save.error instanceof ApiError ? save.error.fieldError(field) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form);
  };
  const kinds = NOTIFICATION_KINDS.filter((kind) => kind in form.email);

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="card">
        <legend>{t('emailTitle')}</legend>
        <p>{t('emailIntro')}</p>
        {kinds.map((kind) => (
          <div key={kind} className="check">
            <input
              type="checkbox"
              id={`email-${kind}`}
              checked={form.email[kind]}
              onChange={(event) => setForm({ ...form, email: { ...form.email, [kind]: event.target.checked } })}
            />
            <label htmlFor={`email-${kind}`}>
              {t(`kinds.${kind}`)}
              {digestable(kind) && <span className="field__hint"> — {t('digestable')}</span>}
            </label>
          </div>
        ))}
        <div className="check">
          <input type="checkbox" id="digest" checked={form.digest} onChange={(event) => setForm({ ...form, digest: event.target.checked })} />
          <label htmlFor="digest">{t('digest')}</label>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('quietTitle')}</legend>
        <p>{t('quietIntro')}</p>
        <Field label={t('quietStart')} error={error('quietHours.start')}>
          {({ id, describedBy, invalid }) => <input id={id} type="time" value={form.quietStart} onChange={(e) => setForm({ ...form, quietStart: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
        <Field label={t('quietEnd')} error={error('quietHours.end')}>
          {({ id, describedBy, invalid }) => <input id={id} type="time" value={form.quietEnd} onChange={(e) => setForm({ ...form, quietEnd: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
      </fieldset>

      <fieldset className="card">
        <legend>{t('languageTitle')}</legend>
        <Field label={t('language')} error={error('language')}>
          {({ id, describedBy }) => (
            <select id={id} value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value as Language })} aria-describedby={describedBy}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <Field label={t('timeZone')} hint={t('timeZoneHint')} error={error('timeZone')}>
          {({ id, describedBy, invalid }) => <input id={id} value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />}
        </Field>
      </fieldset>

      {!(save.error instanceof ApiError && save.error.details.length > 0) && <FormError error={save.error} />}
      {save.isSuccess && <p role="status">{t('saved')}</p>}
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t('saving') : t('save')}
      </button>
    </form>
  );
}
