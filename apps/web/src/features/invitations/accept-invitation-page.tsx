import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { session } from '../../api/session-store';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';

/**
 * The page an invitation's link opens (`/invitations/accept?token=…`): choose the name peers see
 * and a password; the account is activated, joins its cohort and is signed in at once.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      session.set(await api<{ accessToken: string; refreshToken: string }>('/api/invitations/accept', { method: 'POST', body: { token, displayName: displayName.trim(), password } }));
      queryClient.clear(); // whatever this browser held belonged to whoever was signed in before
      navigate('/', { replace: true });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  // A link used or expired cannot be fixed by the form: say what to do instead.
  const linkProblem = error instanceof ApiError && (error.code === 'invitation_used' || error.code === 'invitation_expired' || fieldError('token'));
  return (
    <main id="main" className="sign-in">
      <h1>{t('app.name')}</h1>
      <form onSubmit={(event) => void submit(event)} className="card" noValidate>
        <h2>{t('invitation.title')}</h2>
        <p>{t('invitation.intro')}</p>
        <Field label={t('invitation.displayName')} hint={t('invitation.displayNameHint')} error={fieldError('displayName')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} autoComplete="name" required maxLength={120} value={displayName} onChange={(e) => setDisplayName(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <Field label={t('invitation.password')} hint={t('invitation.passwordHint')} error={fieldError('password')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        {linkProblem ? (
          <p className="form-error" role="alert">
            {error.code === 'invitation_used' ? t('invitation.used') : t('invitation.expired')}
          </p>
        ) : (
          !(error instanceof ApiError && error.details.length > 0) && <FormError error={error} />
        )}
        <button type="submit" className="button" disabled={busy || !token}>
          {t('invitation.submit')}
        </button>
      </form>
    </main>
  );
}
