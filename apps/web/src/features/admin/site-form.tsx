import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { adminKeys, type Site } from './admin-api';
import { fieldErrors } from './field-errors';
import { TimeZoneSelect } from './time-zone-select';

type SiteDraft = Pick<Site, 'name' | 'address' | 'timeZone'>;

/**
 * A site's name, address and time zone: a new one (no `site`), or the changes to one.
 * The API judges the values (noValidate): its refusal shows next to the field it names.
 */
export function SiteForm({ site, onSaved }: { site?: Site; onSaved: (site: Site) => void }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SiteDraft>({ name: site?.name ?? '', address: site?.address ?? '', timeZone: site?.timeZone ?? 'Europe/Paris' });
  const save = useMutation({
    mutationFn: (values: SiteDraft) =>
      site ? api<Site>(`/api/sites/${site.id}`, { method: 'PATCH', body: values }) : api<Site>('/api/sites', { method: 'POST', body: values }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.sites });
      onSaved(saved);
    },
  });
  const { errorOf, formError } = fieldErrors(
    save.error,
    { name: t('sites.errors.name'), nameTaken: t('sites.errors.nameTaken'), address: t('sites.errors.address'), timeZone: t('sites.errors.timeZone') },
    { clash: 'nameTaken' },
  );
  const change = (values: Partial<SiteDraft>) => {
    setDraft({ ...draft, ...values });
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name: draft.name.trim(), address: draft.address.trim(), timeZone: draft.timeZone });
  };
  const titleId = site ? `site-edit-${site.id}` : 'site-new';

  return (
    <form className="card" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>{site ? t('sites.editTitle', { site: site.name }) : t('sites.newTitle')}</h2>
      <Field label={t('sites.name')} error={errorOf('nameTaken', 'name')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} value={draft.name} maxLength={120} onChange={(event) => change({ name: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" />
        )}
      </Field>
      <Field label={t('sites.address')} hint={t('sites.addressHint')} error={errorOf('address')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} value={draft.address} maxLength={300} onChange={(event) => change({ address: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} autoComplete="street-address" />
        )}
      </Field>
      <TimeZoneSelect value={draft.timeZone} onChange={(timeZone) => change({ timeZone })} error={errorOf('timeZone')} />
      <FormError error={formError} />
      {save.isSuccess && site && (
        <p className="admin-done" role="status">
          {t('sites.saved')}
        </p>
      )}
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t('saving') : site ? t('sites.save') : t('sites.create')}
      </button>
    </form>
  );
}
