import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { adminKeys, type Cohort, useSites, useTracks } from './admin-api';
import { fieldErrors } from './field-errors';

type CohortDraft = Pick<Cohort, 'name' | 'trackId' | 'startsOn' | 'endsOn' | 'fullyRemote'> & { homeSiteId: string };

/**
 * A cohort's name, track, home site (or fully remote) and dates: a new cohort (no `cohort`), or the
 * changes to one. The API judges the values (dates in order, a site unless remote).
 */
export function CohortForm({ cohort, onSaved }: { cohort?: Cohort; onSaved: (cohort: Cohort) => void }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const tracks = useTracks();
  const sites = useSites();
  const [draft, setDraft] = useState<CohortDraft>({
    name: cohort?.name ?? '',
    trackId: cohort?.trackId ?? '',
    homeSiteId: cohort?.homeSiteId ?? '',
    startsOn: cohort?.startsOn ?? '',
    endsOn: cohort?.endsOn ?? '',
    fullyRemote: cohort?.fullyRemote ?? false,
  });
  const save = useMutation({
    mutationFn: (values: Omit<CohortDraft, 'homeSiteId'> & { homeSiteId: string | null }) =>
      cohort ? api<Cohort>(`/api/cohorts/${cohort.id}`, { method: 'PATCH', body: values }) : api<Cohort>('/api/cohorts', { method: 'POST', body: values }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.cohorts });
      onSaved(saved);
    },
  });
  const { errorOf, formError } = fieldErrors(save.error, {
    name: t('cohorts.errors.name'),
    trackId: t('cohorts.errors.trackId'),
    homeSiteId: t('cohorts.errors.homeSiteId'),
    startsOn: t('cohorts.errors.startsOn'),
    endsOn: t('cohorts.errors.endsOn'),
  });
  const change = (values: Partial<CohortDraft>) => {
    setDraft({ ...draft, ...values });
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A fully remote cohort has no home site; the API refuses a cohort with neither.
    save.mutate({ ...draft, name: draft.name.trim(), homeSiteId: draft.fullyRemote ? null : draft.homeSiteId || null });
  };
  const titleId = cohort ? `cohort-edit-${cohort.id}` : 'cohort-new';

  return (
    <form className="card" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>{cohort ? t('cohorts.editTitle', { cohort: cohort.name }) : t('cohorts.newTitle')}</h2>
      <Field label={t('cohorts.name')} hint={t('cohorts.nameHint')} error={errorOf('name')}>
        {({ id, describedBy, invalid }) => (
          <input id={id} value={draft.name} maxLength={120} onChange={(event) => change({ name: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" />
        )}
      </Field>
      <FormError error={tracks.error} />
      <Field label={t('cohorts.track')} hint={tracks.data?.length === 0 ? t('cohorts.noTrack') : undefined} error={errorOf('trackId')}>
        {({ id, describedBy, invalid }) => (
          <select id={id} value={draft.trackId} onChange={(event) => change({ trackId: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} disabled={!tracks.data}>
            <option value="">{tracks.isPending ? t('loading') : t('cohorts.chooseTrack')}</option>
            {tracks.data?.map((track) => (
              <option key={track.id} value={track.id}>
                {track.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="admin-choice">
        <input type="checkbox" checked={draft.fullyRemote} onChange={(event) => change({ fullyRemote: event.target.checked })} />
        {t('cohorts.fullyRemote')}
      </label>
      <FormError error={sites.error} />
      {!draft.fullyRemote && (
        <Field label={t('cohorts.homeSite')} hint={sites.data?.length === 0 ? t('cohorts.noSite') : undefined} error={errorOf('homeSiteId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={draft.homeSiteId} onChange={(event) => change({ homeSiteId: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} disabled={!sites.data}>
              <option value="">{sites.isPending ? t('loading') : t('cohorts.chooseSite')}</option>
              {sites.data?.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="admin-pair">
        <Field label={t('cohorts.startsOn')} error={errorOf('startsOn')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" value={draft.startsOn} onChange={(event) => change({ startsOn: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <Field label={t('cohorts.endsOn')} error={errorOf('endsOn')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" value={draft.endsOn} onChange={(event) => change({ endsOn: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
      </div>
      <FormError error={formError} />
      {save.isSuccess && cohort && (
        <p className="admin-done" role="status">
          {t('cohorts.saved')}
        </p>
      )}
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? t('saving') : cohort ? t('cohorts.save') : t('cohorts.create')}
      </button>
    </form>
  );
}
