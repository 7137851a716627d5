import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { adminKeys, type Cohort, type InvitationOutcome, type Member } from './admin-api';
import { fieldErrors } from './field-errors';

/** One person invited by e-mail; a new account gets a link the admin sends them (no e-mail is sent yet). */
export function InviteForm({ cohort, zone }: { cohort: Cohort; zone: string }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Member['role']>('learner');
  const [displayName, setDisplayName] = useState('');
  const invite = useMutation({
    mutationFn: (body: { email: string; role: Member['role']; displayName?: string }) =>
      api<InvitationOutcome>(`/api/cohorts/${cohort.id}/invitations`, { method: 'POST', body }),
    onSuccess: () => {
      setEmail('');
      setDisplayName('');
      // The members, and the cohorts list's counts, change with an invitation.
      return Promise.all([queryClient.invalidateQueries({ queryKey: adminKeys.members(cohort.id) }), queryClient.invalidateQueries({ queryKey: adminKeys.cohorts })]);
    },
  });
  const { errorOf, formError } = fieldErrors(invite.error, { email: t('invite.errors.email'), role: t('invite.errors.role'), displayName: t('invite.errors.displayName') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email: email.trim(), role, displayName: displayName.trim() || undefined });
  };
  const outcome = invite.data;

  return (
    <>
      <form className="card" onSubmit={submit} aria-labelledby="invite-title" noValidate>
        <h2 id="invite-title">{t('invite.title', { cohort: cohort.name })}</h2>
        <Field label={t('invite.email')} error={errorOf('email')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="email" value={email} onChange={(event) => setEmail(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" />
          )}
        </Field>
        <Field label={t('invite.role')} error={errorOf('role')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={role} onChange={(event) => setRole(event.target.value as Member['role'])} aria-describedby={describedBy} aria-invalid={invalid}>
              <option value="learner">{t('roles.learner')}</option>
              <option value="facilitator">{t('roles.facilitator')}</option>
            </select>
          )}
        </Field>
        <Field label={t('invite.displayName')} hint={t('invite.displayNameHint')} error={errorOf('displayName')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={displayName} maxLength={120} onChange={(event) => setDisplayName(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" />
          )}
        </Field>
        <FormError error={formError} />
        <button type="submit" className="button" disabled={invite.isPending}>
          {invite.isPending ? t('invite.sending') : t('invite.submit')}
        </button>
      </form>
      {outcome && (
        <div className="card" role="status">
          <p className="admin-done">{t(`invite.outcome.${outcome.status}`, { email: outcome.email, role: t(`roles.${outcome.role}`) })}</p>
          {outcome.acceptUrl && (
            <>
              <p>{t('invite.sendLink', { until: outcome.expiresAt ? formatDate(outcome.expiresAt, zone, 'dayTime') : '' })}</p>
              <p className="admin-break">
                <a href={outcome.acceptUrl}>{outcome.acceptUrl}</a>
              </p>
            </>
          )}
        </div>
      )}
    </>
  );
}
